resource "google_storage_bucket_iam_member" "datasets_public" {
  bucket = google_storage_bucket.datasets.name
  role   = "roles/storage.objectViewer"
  # ruleid: iac.terraform.gcs-public-bucket
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "checkpoints" {
  bucket  = google_storage_bucket.checkpoints.name
  role    = "roles/storage.objectViewer"
  # ruleid: iac.terraform.gcs-public-bucket
  members = ["group:ml-team@example.com", "allAuthenticatedUsers"]
}

resource "google_storage_bucket_iam_member" "pipeline" {
  bucket = google_storage_bucket.datasets.name
  role   = "roles/storage.objectAdmin"
  # ok: iac.terraform.gcs-public-bucket
  member = "serviceAccount:vertex-pipeline@acme-ml.iam.gserviceaccount.com"
}

resource "google_cloud_run_v2_service_iam_member" "public_ui" {
  name   = google_cloud_run_v2_service.chat_ui.name
  role   = "roles/run.invoker"
  # ok: iac.terraform.gcs-public-bucket
  member = "allUsers"
}
