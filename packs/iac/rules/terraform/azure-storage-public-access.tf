resource "azurerm_storage_account" "datasets" {
  name                            = "acmedatasets"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  # ruleid: iac.terraform.azure-storage-public-access
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_account" "private" {
  name                            = "acmeprivate"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  # ok: iac.terraform.azure-storage-public-access
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "exports" {
  name                  = "conversation-exports"
  storage_account_name  = azurerm_storage_account.datasets.name
  # ruleid: iac.terraform.azure-storage-public-access
  container_access_type = "container"
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_name  = azurerm_storage_account.private.name
  # ok: iac.terraform.azure-storage-public-access
  container_access_type = "private"
}
