resource "aws_security_group" "inference" {
  name   = "vllm-inference"
  vpc_id = var.vpc_id

  ingress {
    description = "vLLM OpenAI-compatible API"
    from_port   = 8000
    to_port     = 8000
    protocol    = "tcp"
    # ruleid: iac.terraform.sg-open-model-serving-ports
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "vLLM from the ALB only"
    from_port   = 8000
    to_port     = 8000
    protocol    = "tcp"
    # ok: iac.terraform.sg-open-model-serving-ports
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    description = "public HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    # ok: iac.terraform.sg-open-model-serving-ports
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "ollama" {
  type              = "ingress"
  from_port         = 11434
  to_port           = 11434
  protocol          = "tcp"
  security_group_id = aws_security_group.inference.id
  # ruleid: iac.terraform.sg-open-model-serving-ports
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "jupyter_range" {
  security_group_id = aws_security_group.inference.id
  from_port         = 8800
  to_port           = 8900
  ip_protocol       = "tcp"
  # ruleid: iac.terraform.sg-open-model-serving-ports
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "grafana_private" {
  security_group_id = aws_security_group.inference.id
  from_port         = 7860
  to_port           = 7860
  ip_protocol       = "tcp"
  # ok: iac.terraform.sg-open-model-serving-ports
  cidr_ipv4         = "172.16.0.0/12"
}
