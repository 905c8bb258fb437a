data "aws_iam_policy_document" "model_bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-models/*"]
    principals {
      type        = "AWS"
      # ruleid: iac.terraform.iam-wildcard-principal
      identifiers = ["*"]
    }
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-models/*"]
    principals {
      type        = "AWS"
      # ok: iac.terraform.iam-wildcard-principal
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-models/*"]
    principals {
      type        = "AWS"
      # ok: iac.terraform.iam-wildcard-principal
      identifiers = ["arn:aws:iam::123456789012:role/inference"]
    }
  }
}

resource "aws_iam_role" "sagemaker_exec" {
  name = "sagemaker-exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ruleid: iac.terraform.iam-wildcard-principal
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
      },
      # ok: iac.terraform.iam-wildcard-principal
      {
        Effect    = "Allow"
        Principal = { Service = "sagemaker.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}
