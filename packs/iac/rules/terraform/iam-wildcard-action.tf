data "aws_iam_policy_document" "inference_task" {
  statement {
    sid       = "Everything"
    # ruleid: iac.terraform.iam-wildcard-action
    actions   = ["*"]
    resources = ["*"]
  }

  statement {
    sid       = "InvokeModels"
    # ok: iac.terraform.iam-wildcard-action
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.*"]
  }

  statement {
    sid       = "NoDeletes"
    effect    = "Deny"
    # ok: iac.terraform.iam-wildcard-action
    actions   = ["*"]
    resources = ["arn:aws:s3:::acme-models/*"]
  }
}

resource "aws_iam_policy" "notebook" {
  name = "notebook-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ruleid: iac.terraform.iam-wildcard-action
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "*"]
        Resource = "*"
      },
      # ok: iac.terraform.iam-wildcard-action
      {
        Effect   = "Allow"
        Action   = "sagemaker:InvokeEndpoint"
        Resource = "*"
      },
      # ok: iac.terraform.iam-wildcard-action
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
