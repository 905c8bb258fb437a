# ruleid: iac.terraform.sagemaker-endpoint-without-kms
resource "aws_sagemaker_endpoint_configuration" "llama" {
  name = "llama-3-8b"

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.llama.name
    initial_instance_count = 1
    instance_type          = "ml.g5.2xlarge"
  }
}

# ok: iac.terraform.sagemaker-endpoint-without-kms
resource "aws_sagemaker_endpoint_configuration" "embeddings" {
  name        = "bge-large"
  kms_key_arn = aws_kms_key.sagemaker.arn

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.bge.name
    initial_instance_count = 2
    instance_type          = "ml.g5.xlarge"
  }
}

# ok: iac.terraform.sagemaker-endpoint-without-kms
resource "aws_sagemaker_endpoint" "llama" {
  name                 = "llama-3-8b"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.llama.name
}
