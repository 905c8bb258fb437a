# ruleid: tf-s3-public-acl
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
  acl    = "public-read"

  tags = {
    Team = "web"
  }
}

# ruleid: tf-s3-public-acl
resource "aws_s3_bucket" "uploads" {
  acl    = "public-read-write"
  bucket = "acme-uploads"
}

# ok: tf-s3-public-acl
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "private"
}

# ok: tf-s3-public-acl
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

# ok: tf-s3-public-acl
resource "aws_s3_bucket_acl" "legacy" {
  bucket = aws_s3_bucket.data.id
  acl    = "public-read"
}

# ok: tf-s3-public-acl
resource "aws_s3_bucket" "templated" {
  bucket = "acme-${var.env}"
  acl    = var.bucket_acl
}
