# ruleid: iac.terraform.rds-unencrypted
resource "aws_db_instance" "chat_history" {
  identifier        = "chat-history"
  engine            = "postgres"
  engine_version    = "16.4"
  instance_class    = "db.r6g.large"
  allocated_storage = 100
}

# ok: iac.terraform.rds-unencrypted
resource "aws_db_instance" "vectors" {
  identifier        = "pgvector"
  engine            = "postgres"
  instance_class    = "db.r6g.xlarge"
  allocated_storage = 200
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

# ok: iac.terraform.rds-unencrypted
resource "aws_db_instance" "vectors_replica" {
  identifier          = "pgvector-replica"
  replicate_source_db = aws_db_instance.vectors.identifier
  instance_class      = "db.r6g.xlarge"
}

# ruleid: iac.terraform.rds-unencrypted
resource "aws_rds_cluster" "feedback" {
  cluster_identifier = "feedback"
  engine             = "aurora-postgresql"
  storage_encrypted  = false
}
