# ruleid: iac.terraform.sagemaker-notebook-direct-internet
resource "aws_sagemaker_notebook_instance" "research" {
  name          = "llm-research"
  role_arn      = aws_iam_role.sagemaker_exec.arn
  instance_type = "ml.g5.2xlarge"
}

# ruleid: iac.terraform.sagemaker-notebook-direct-internet
resource "aws_sagemaker_notebook_instance" "explicit" {
  name                   = "eval-notebook"
  role_arn               = aws_iam_role.sagemaker_exec.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled"
}

# ok: iac.terraform.sagemaker-notebook-direct-internet
resource "aws_sagemaker_notebook_instance" "private" {
  name                   = "finetune-notebook"
  role_arn               = aws_iam_role.sagemaker_exec.arn
  instance_type          = "ml.g5.xlarge"
  subnet_id              = aws_subnet.private_a.id
  security_groups        = [aws_security_group.notebooks.id]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
}

# ok: iac.terraform.sagemaker-notebook-direct-internet
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "pip" {
  name     = "pip-mirror"
  on_start = base64encode("pip config set global.index-url https://pypi.internal/simple")
}
