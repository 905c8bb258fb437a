# ruleid: iac.terraform.azure-ml-workspace-public
resource "azurerm_machine_learning_workspace" "research" {
  name                    = "acme-research"
  location                = "westeurope"
  resource_group_name     = azurerm_resource_group.ml.name
  application_insights_id = azurerm_application_insights.ml.id
  key_vault_id            = azurerm_key_vault.prod.id
  storage_account_id      = azurerm_storage_account.models.id
  identity {
    type = "SystemAssigned"
  }
}

# ok: iac.terraform.azure-ml-workspace-public
resource "azurerm_machine_learning_workspace" "prod" {
  name                          = "acme-prod"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.ml.name
  application_insights_id       = azurerm_application_insights.ml.id
  key_vault_id                  = azurerm_key_vault.prod.id
  storage_account_id            = azurerm_storage_account.models.id
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}

# ruleid: iac.terraform.azure-ml-workspace-public
resource "azurerm_machine_learning_workspace" "open" {
  name                          = "acme-open"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.ml.name
  application_insights_id       = azurerm_application_insights.ml.id
  key_vault_id                  = azurerm_key_vault.prod.id
  storage_account_id            = azurerm_storage_account.models.id
  public_network_access_enabled = true
  identity {
    type = "SystemAssigned"
  }
}
