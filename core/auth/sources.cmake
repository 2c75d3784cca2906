# core/auth: permissions, roles, teams, users, settings, log-in and sessions, access control.
list(APPEND CALLVAULT_CORE_SOURCES
  auth/permission.h auth/permission.cpp
  auth/clock.h auth/clock.cpp
  auth/authtext.h auth/authtext.cpp
  auth/auditedchange.h
  auth/principal.h auth/principal.cpp
  auth/session.h auth/session.cpp
  auth/settings.h auth/settings.cpp
  auth/settingsrepository.h auth/settingsrepository.cpp
  auth/rolerepository.h auth/rolerepository.cpp
  auth/teamrepository.h auth/teamrepository.cpp
  auth/accountrepository.h auth/accountrepository.cpp
  auth/loginthrottle.h auth/loginthrottle.cpp
  auth/passwordpolicy.h auth/passwordpolicy.cpp
  auth/accesscontrol.h auth/accesscontrol.cpp
  auth/authservice.h auth/authservice.cpp
  auth/useradmin.h auth/useradmin.cpp
  auth/teamadmin.h auth/teamadmin.cpp
  auth/roleadmin.h auth/roleadmin.cpp
  auth/settingsadmin.h auth/settingsadmin.cpp
  auth/pglogin.h auth/pglogin.cpp
  auth/sitelogin.h auth/sitelogin.cpp
  auth/loginroles.h auth/loginroles.cpp)
