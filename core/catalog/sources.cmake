list(APPEND CALLVAULT_CORE_SOURCES
  catalog/catalogtypes.h catalog/catalogtypes.cpp
  catalog/catalogconfig.h catalog/catalogconfig.cpp
  catalog/database.h catalog/database.cpp
  catalog/migrator.h catalog/migrator.cpp
  catalog/transactionguard.h catalog/transactionguard.cpp
  catalog/sqlhelpers.h catalog/sqlhelpers.cpp
  catalog/recordingrepository.h catalog/recordingrepository.cpp
  catalog/capturedcallrepository.h catalog/capturedcallrepository.cpp
  catalog/keyrepository.h catalog/keyrepository.cpp
  catalog/auditlog.h catalog/auditlog.cpp
  catalog/userrepository.h catalog/userrepository.cpp
  catalog/siterepository.h catalog/siterepository.cpp
  catalog/agentrepository.h catalog/agentrepository.cpp
  catalog/recordingcommit.h catalog/recordingcommit.cpp
  catalog/keyrotationrepository.h catalog/keyrotationrepository.cpp)
# The migration .sql files, compiled in as :/callvault/migrations/<sqlite|postgres>/.
list(APPEND CALLVAULT_CORE_RESOURCES catalog/migrations/catalog_migrations.qrc)
# The audit trail's checkpoints and chain-order reading (core/audit uses them).
list(APPEND CALLVAULT_CORE_SOURCES
  catalog/auditcheckpointrepository.h catalog/auditcheckpointrepository.cpp
  catalog/audittrailreader.h catalog/audittrailreader.cpp)
# Log-in targets and password verifiers of server-enforced PostgreSQL catalogs.
list(APPEND CALLVAULT_CORE_SOURCES
  catalog/pglogintarget.h catalog/pglogintarget.cpp)
# PostgreSQL server-side security (docs/postgres-security.md): the provisioner behind
# `callvaultctl init --pg`, SCRAM verifiers through libpq, and the security SQL compiled in
# as :/callvault/pgsecurity/.
list(APPEND CALLVAULT_CORE_SOURCES
  catalog/pgpassword.h catalog/pgpassword.cpp
  catalog/pgsecurityscript.h catalog/pgsecurityscript.cpp
  catalog/pgsecurityprovisioner.h catalog/pgsecurityprovisioner.cpp)
list(APPEND CALLVAULT_CORE_RESOURCES catalog/pgsecurity/pgsecurity.qrc)
