# ruleid: iac.terraform.gke-public-control-plane
resource "google_container_cluster" "inference" {
  name     = "inference"
  location = "us-central1"

  initial_node_count       = 1
  remove_default_node_pool = true
}

# ok: iac.terraform.gke-public-control-plane
resource "google_container_cluster" "private" {
  name     = "training"
  location = "us-central1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

# ok: iac.terraform.gke-public-control-plane
resource "google_container_cluster" "restricted" {
  name     = "batch"
  location = "us-central1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.10.0.0/16"
      display_name = "corp"
    }
  }
}

# ok: iac.terraform.gke-public-control-plane
resource "google_container_node_pool" "gpu" {
  name    = "l4-pool"
  cluster = google_container_cluster.private.id
}
