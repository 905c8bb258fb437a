# ruleid: iac.terraform.sagemaker-notebook-root-access
resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "llm-research"
  role_arn               = aws_iam_role.sagemaker_exec.arn
  instance_type          = "ml.g5.2xlarge"
  direct_internet_access = "Disabled"
}

# ruleid: iac.terraform.sagemaker-notebook-root-access
resource "aws_sagemaker_notebook_instance" "admin" {
  name          = "admin-notebook"
  role_arn      = aws_iam_role.sagemaker_exec.arn
  instance_type = "ml.t3.medium"
  root_access   = "Enabled"
}

# ok: iac.terraform.sagemaker-notebook-root-access
resource "aws_sagemaker_notebook_instance" "locked" {
  name          = "finetune-notebook"
  role_arn      = aws_iam_role.sagemaker_exec.arn
  instance_type = "ml.g5.xlarge"
  root_access   = "Disabled"
}
