resource "aws_eks_cluster" "inference" {
  name     = "inference"
  role_arn = aws_iam_role.eks.arn

  # ruleid: iac.terraform.eks-public-endpoint
  vpc_config {
    subnet_ids = var.private_subnet_ids
  }
}

resource "aws_eks_cluster" "training" {
  name     = "training"
  role_arn = aws_iam_role.eks.arn

  vpc_config {
    subnet_ids             = var.private_subnet_ids
    endpoint_public_access = true
    # ruleid: iac.terraform.eks-public-endpoint
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "private" {
  name     = "private"
  role_arn = aws_iam_role.eks.arn

  # ok: iac.terraform.eks-public-endpoint
  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "office_only" {
  name     = "office-only"
  role_arn = aws_iam_role.eks.arn

  # ok: iac.terraform.eks-public-endpoint
  vpc_config {
    subnet_ids          = var.private_subnet_ids
    public_access_cidrs = ["203.0.113.0/24"]
  }
}

resource "aws_msk_cluster" "events" {
  cluster_name = "events"
  # ok: iac.terraform.eks-public-endpoint
  vpc_config {
    subnet_ids = var.private_subnet_ids
  }
}
