list(APPEND CALLVAULT_CORE_SOURCES
  crypto/openssl_p.h
  crypto/ciphersuite.h crypto/ciphersuite.cpp
  crypto/cryptoutil.h crypto/cryptoutil.cpp
  crypto/aesgcm.h crypto/aesgcm.cpp
  crypto/x25519keypair.h crypto/x25519keypair.cpp
  crypto/ed25519keypair.h crypto/ed25519keypair.cpp
  crypto/scrypt.h crypto/scrypt.cpp
  crypto/keywrap.h crypto/keywrap.cpp)
