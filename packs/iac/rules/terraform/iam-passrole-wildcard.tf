data "aws_iam_policy_document" "pipeline" {
  statement {
    # ruleid: iac.terraform.iam-passrole-wildcard
    actions   = ["sagemaker:CreateTrainingJob", "iam:PassRole"]
    resources = ["*"]
  }

  statement {
    # ok: iac.terraform.iam-passrole-wildcard
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.sagemaker_exec.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["sagemaker.amazonaws.com"]
    }
  }

  statement {
    # ok: iac.terraform.iam-passrole-wildcard
    actions   = ["sagemaker:DescribeTrainingJob"]
    resources = ["*"]
  }
}
