# ruleid: iac.terraform.azure-keyvault-purge-protection-off
resource "azurerm_key_vault" "llm_keys" {
  name                = "acme-llm-keys"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}

# ruleid: iac.terraform.azure-keyvault-purge-protection-off
resource "azurerm_key_vault" "cmk" {
  name                     = "acme-cmk"
  location                 = "westeurope"
  resource_group_name      = azurerm_resource_group.ml.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  sku_name                 = "premium"
  purge_protection_enabled = false
}

# ok: iac.terraform.azure-keyvault-purge-protection-off
resource "azurerm_key_vault" "prod" {
  name                       = "acme-prod"
  location                   = "westeurope"
  resource_group_name        = azurerm_resource_group.ml.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}

# ok: iac.terraform.azure-keyvault-purge-protection-off
resource "azurerm_key_vault_secret" "openai" {
  name         = "azure-openai-key"
  value        = var.azure_openai_key
  key_vault_id = azurerm_key_vault.prod.id
}
