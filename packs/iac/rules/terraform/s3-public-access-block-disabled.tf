resource "aws_s3_bucket_public_access_block" "datasets" {
  bucket                  = aws_s3_bucket.datasets.id
  # ruleid: iac.terraform.s3-public-access-block-disabled
  block_public_acls       = false
  # ok: iac.terraform.s3-public-access-block-disabled
  block_public_policy     = true
  # ruleid: iac.terraform.s3-public-access-block-disabled
  ignore_public_acls      = false
  # ok: iac.terraform.s3-public-access-block-disabled
  restrict_public_buckets = true
}

resource "aws_s3_account_public_access_block" "account" {
  # ruleid: iac.terraform.s3-public-access-block-disabled
  restrict_public_buckets = false
}

resource "aws_s3_bucket_versioning" "datasets" {
  bucket = aws_s3_bucket.datasets.id
  versioning_configuration {
    status = "Enabled"
  }
  # ok: iac.terraform.s3-public-access-block-disabled
  expected_bucket_owner_check = false
}
