resource "aws_db_instance" "vectors" {
  identifier          = "pgvector"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  storage_encrypted   = true
  # ruleid: iac.terraform.rds-publicly-accessible
  publicly_accessible = true
}

resource "aws_rds_cluster_instance" "feedback" {
  cluster_identifier  = aws_rds_cluster.feedback.id
  instance_class      = "db.r6g.large"
  # ruleid: iac.terraform.rds-publicly-accessible
  publicly_accessible = true
}

resource "aws_db_instance" "internal" {
  identifier          = "internal"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  # ok: iac.terraform.rds-publicly-accessible
  publicly_accessible = false
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier  = "analytics"
  node_type           = "ra3.xlplus"
  # ok: iac.terraform.rds-publicly-accessible
  publicly_accessible = true
}
