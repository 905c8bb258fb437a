provider "kubernetes" {
  host                   = var.cluster_endpoint
  token                  = data.aws_eks_cluster_auth.inference.token
  # ruleid: iac.terraform.provider-tls-verify-disabled
  insecure               = true
}

provider "vault" {
  address         = "https://vault.internal:8200"
  # ruleid: iac.terraform.provider-tls-verify-disabled
  skip_tls_verify = true
}

provider "helm" {
  kubernetes {
    host                   = var.cluster_endpoint
    cluster_ca_certificate = base64decode(var.cluster_ca)
    # ok: iac.terraform.provider-tls-verify-disabled
    insecure               = false
  }
}

resource "kubernetes_namespace" "ml" {
  metadata {
    name = "ml"
  }
}

variable "insecure" {
  type = bool
  # ok: iac.terraform.provider-tls-verify-disabled
  default = true
}
