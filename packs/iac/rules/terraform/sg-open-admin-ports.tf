resource "aws_security_group" "gpu_worker" {
  name   = "gpu-worker"
  vpc_id = var.vpc_id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # ruleid: iac.terraform.sg-open-admin-ports
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH from the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # ok: iac.terraform.sg-open-admin-ports
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    # ok: iac.terraform.sg-open-admin-ports
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description      = "everything"
    from_port        = 0
    to_port          = 65535
    protocol         = "tcp"
    # ruleid: iac.terraform.sg-open-admin-ports
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  security_group_id = aws_security_group.gpu_worker.id
  # ruleid: iac.terraform.sg-open-admin-ports
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "egress_ssh" {
  type              = "egress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  security_group_id = aws_security_group.gpu_worker.id
  # ok: iac.terraform.sg-open-admin-ports
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.gpu_worker.id
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  # ruleid: iac.terraform.sg-open-admin-ports
  cidr_ipv4         = "0.0.0.0/0"
}
