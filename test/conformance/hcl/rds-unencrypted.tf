# ruleid: tf-rds-storage-unencrypted
resource "aws_db_instance" "default" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

# ruleid: tf-rds-storage-unencrypted
resource "aws_db_instance" "explicit_off" {
  engine            = "mysql"
  storage_encrypted = false
}

# ok: tf-rds-storage-unencrypted
resource "aws_db_instance" "encrypted" {
  engine            = "postgres"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

# ok: tf-rds-storage-unencrypted
resource "aws_rds_cluster" "aurora" {
  engine = "aurora-postgresql"
}

# ok: tf-rds-storage-unencrypted
resource "aws_db_instance" "reviewed" { # nosemgrep: tf-rds-storage-unencrypted
  engine = "sqlite-in-a-box"
}
