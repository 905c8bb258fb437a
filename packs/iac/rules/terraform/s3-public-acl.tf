resource "aws_s3_bucket" "training_data" {
  bucket = "acme-training-data"
  # ruleid: iac.terraform.s3-public-acl
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  # ruleid: iac.terraform.s3-public-acl
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  # ok: iac.terraform.s3-public-acl
  acl    = "private"
}

resource "aws_s3_bucket_acl" "delivery" {
  bucket = aws_s3_bucket.delivery.id
  # ok: iac.terraform.s3-public-acl
  acl    = "log-delivery-write"
}

resource "aws_s3_object" "index" {
  bucket = aws_s3_bucket.site.id
  key    = "index.html"
  # ok: iac.terraform.s3-public-acl
  acl    = "public-read"
}
