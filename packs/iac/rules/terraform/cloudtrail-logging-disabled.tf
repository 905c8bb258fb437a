resource "aws_cloudtrail" "main" {
  name                          = "org-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  # ruleid: iac.terraform.cloudtrail-logging-disabled
  enable_logging                = false
  # ruleid: iac.terraform.cloudtrail-logging-disabled
  enable_log_file_validation    = false
  # ok: iac.terraform.cloudtrail-logging-disabled
  include_global_service_events = true
}

resource "aws_cloudtrail" "data_events" {
  name                       = "bedrock-data-events"
  s3_bucket_name             = aws_s3_bucket.trail.id
  # ok: iac.terraform.cloudtrail-logging-disabled
  enable_log_file_validation = true
}

resource "aws_flow_log" "vpc" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  # ok: iac.terraform.cloudtrail-logging-disabled
  deliver_cross_account_role = null
}
