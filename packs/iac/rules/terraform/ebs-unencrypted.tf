# ruleid: iac.terraform.ebs-unencrypted
resource "aws_ebs_volume" "model_cache" {
  availability_zone = "us-east-1a"
  size              = 500
  type              = "gp3"
}

# ruleid: iac.terraform.ebs-unencrypted
resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 200
  encrypted         = false
}

# ok: iac.terraform.ebs-unencrypted
resource "aws_ebs_volume" "weights" {
  availability_zone = "us-east-1a"
  size              = 1000
  encrypted         = true
  kms_key_id        = aws_kms_key.ml.arn
}

# ok: iac.terraform.ebs-unencrypted
resource "aws_ebs_snapshot" "weights" {
  volume_id = aws_ebs_volume.weights.id
}
