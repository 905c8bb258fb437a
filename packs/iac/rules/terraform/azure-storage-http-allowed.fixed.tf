resource "azurerm_storage_account" "datasets" {
  name                      = "acmedatasets"
  resource_group_name       = azurerm_resource_group.ml.name
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  # ruleid: iac.terraform.azure-storage-http-allowed
  enable_https_traffic_only = true
}

resource "azurerm_storage_account" "rag_docs" {
  name                       = "acmeragdocs"
  resource_group_name        = azurerm_resource_group.ml.name
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  # ruleid: iac.terraform.azure-storage-http-allowed
  https_traffic_only_enabled = true
  # ok: iac.terraform.azure-storage-http-allowed
  shared_access_key_enabled  = false
}

resource "azurerm_storage_account" "models" {
  name                       = "acmemodels"
  resource_group_name        = azurerm_resource_group.ml.name
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  # ok: iac.terraform.azure-storage-http-allowed
  https_traffic_only_enabled = true
}
