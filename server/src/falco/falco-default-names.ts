/**
 * The names of the macros and lists defined by Falco's default ruleset (falcosecurity/rules,
 * `falco_rules.yaml`, stable and earlier releases), so that a rules file written to be loaded
 * after it — the usual `falco_rules.local.yaml` — is not told that `spawned_process` or
 * `shell_binaries` is undefined. Names only: their conditions and items are Falco's. Data.
 */

export const FALCO_DEFAULT_MACROS: ReadonlySet<string> = new Set([
  // events and file/process categories
  'open_write', 'open_read', 'open_directory', 'open_file_failed', 'never_true', 'proc_name_exists',
  'rename', 'mkdir', 'remove', 'modify', 'chmod', 'spawned_process', 'create_symlink', 'create_hardlink',
  'kernel_module_load', 'dup', 'bin_dir', 'bin_dir_mkdir', 'bin_dir_rename', 'etc_dir', 'root_dir',
  'shell_procs', 'interpreted_procs', 'server_procs', 'rpm_procs', 'package_mgmt_procs',
  'package_mgmt_ancestor_procs', 'coreos_write_ssh_dir', 'run_by_package_mgmt_binaries', 'system_procs',
  'sensitive_files', 'proc_is_new', 'container', 'interactive', 'system_users', 'container_entrypoint',
  // network
  'inbound', 'outbound', 'inbound_outbound', 'ssh_port', 'allowed_ssh_hosts', 'k8s_api_server',
  'k8s_containers', 'ssh_non_standard_ports_network',
  // exclusions used by the default rules
  'ansible_running_python', 'run_by_qualys', 'run_by_google_accounts_daemon', 'run_by_chef', 'run_by_foreman',
  'python_mesos_marathon_scripting', 'splunk_running_forwarder', 'perl_running_plesk', 'perl_running_updmap',
  'perl_running_centrifydc', 'runuser_reading_pam', 'linux_bench_reading_etc_shadow', 'veritas_driver_script',
  'user_ssh_directory', 'directory_traversal', 'cmp_cp_by_passwd', 'mandb_postinst', 'postgres_running_wal_e',
  'redis_running_prepost_scripts', 'rabbitmq_running_scripts', 'rabbitmqctl_running_scripts', 'run_by_appdynamics',
  'parent_java_running_zookeeper', 'parent_java_running_kafka', 'parent_java_running_elasticsearch',
  'parent_java_running_activemq', 'parent_java_running_cassandra', 'parent_java_running_jboss_wildfly',
  'parent_java_running_glassfish', 'parent_java_running_hadoop', 'parent_java_running_datastax',
  'nginx_starting_nginx', 'nginx_running_aws_s3_cp', 'consul_running_net_scripts', 'consul_running_alert_checks',
  'serf_script', 'check_process_status', 'possibly_node_in_container', 'possibly_parent_java_running_tomcat',
  'protected_shell_spawner', 'grep_commands', 'grep_more', 'private_key_or_password', 'access_log_files',
  'allowed_clear_log_files', 'trusted_logging_images', 'clear_data_procs', 'known_ptrace_procs',
  'ptrace_attach_or_injection', 'private_aws_credentials', 'known_memfd_execution_processes',
  // tuning templates (`user_*` macros meant to be overridden)
  'user_known_read_sensitive_files_activities', 'user_read_sensitive_file_conditions',
  'user_read_sensitive_file_containers', 'user_known_system_user_login',
  'user_expected_terminal_shell_in_container_conditions', 'user_shell_container_exclusions',
  'user_known_contact_k8s_api_server_activities', 'user_known_remove_data_activities',
  'user_known_stand_streams_redirect_activities',
]);

export const FALCO_DEFAULT_LISTS: ReadonlySet<string> = new Set([
  'shell_binaries', 'ssh_binaries', 'shell_mgmt_binaries', 'coreutils_binaries', 'login_binaries', 'passwd_binaries',
  'shadowutils_binaries', 'sysdigcloud_binaries', 'k8s_binaries', 'lxd_binaries', 'http_server_binaries',
  'db_server_binaries', 'postgres_mgmt_binaries', 'nosql_server_binaries', 'gitlab_binaries', 'interpreted_binaries',
  'rpm_binaries', 'openscap_rpm_binaries', 'deb_binaries', 'python_package_managers', 'package_mgmt_binaries',
  'ssl_mgmt_binaries', 'dhcp_binaries', 'userexec_binaries', 'known_setuid_binaries', 'user_mgmt_binaries',
  'dev_creation_binaries', 'hids_binaries', 'vpn_binaries', 'nomachine_binaries', 'mail_binaries',
  'mail_config_binaries', 'sensitive_file_names', 'sensitive_directory_names', 'cron_binaries', 'needrestart_binaries',
  'sshkit_script_binaries', 'read_sensitive_file_binaries', 'read_sensitive_file_images',
  'protected_shell_spawning_binaries', 'mesos_shell_binaries', 'trusted_images', 'sematext_images', 'falco_containers',
  'falco_no_driver_containers', 'falco_privileged_images', 'known_shell_spawn_cmdlines', 'user_known_shell_spawn_binaries',
  'ibm_cloud_containers', 'grep_binaries', 'log_directories', 'log_files', 'data_remove_commands',
  'user_known_packet_socket_binaries', 'allowed_container_images_loading_kernel_module', 'docker_binaries',
  'known_ptrace_binaries', 'known_drop_and_execute_containers', 'rfc_1918_addresses', 'ssh_non_standard_ports',
  'known_memfd_execution_binaries',
]);
