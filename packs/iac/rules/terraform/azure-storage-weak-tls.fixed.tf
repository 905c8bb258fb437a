resource "azurerm_storage_account" "legacy" {
  name                     = "acmelegacy"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ruleid: iac.terraform.azure-storage-weak-tls
  min_tls_version          = "TLS1_2"
}

resource "azurerm_storage_account" "models" {
  name                     = "acmemodels"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ok: iac.terraform.azure-storage-weak-tls
  min_tls_version          = "TLS1_2"
}

resource "azurerm_linux_web_app" "chat" {
  name                = "acme-chat"
  resource_group_name = azurerm_resource_group.ml.name
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.chat.id
  site_config {
    # ok: iac.terraform.azure-storage-weak-tls
    minimum_tls_version = "1.2"
  }
}
