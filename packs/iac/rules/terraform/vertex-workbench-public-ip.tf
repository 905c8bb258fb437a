# ruleid: iac.terraform.vertex-workbench-public-ip
resource "google_notebooks_instance" "research" {
  name         = "llm-research"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
}

# ok: iac.terraform.vertex-workbench-public-ip
resource "google_notebooks_instance" "private" {
  name         = "eval"
  location     = "us-central1-a"
  machine_type = "n1-standard-4"
  no_public_ip = true
  network      = google_compute_network.ml.id
}

# ruleid: iac.terraform.vertex-workbench-public-ip
resource "google_workbench_instance" "finetune" {
  name     = "finetune"
  location = "us-central1-a"
  gce_setup {
    machine_type      = "g2-standard-8"
    disable_public_ip = false
  }
}

# ok: iac.terraform.vertex-workbench-public-ip
resource "google_workbench_instance" "locked" {
  name     = "locked"
  location = "us-central1-a"
  gce_setup {
    machine_type      = "n2-standard-4"
    disable_public_ip = true
  }
}
