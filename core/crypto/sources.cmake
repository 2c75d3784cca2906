list(APPEND CALLVAULT_CORE_SOURCES
  crypto/ciphersuite.h crypto/cryptoutil.h crypto/aesgcm.h crypto/x25519keypair.h
  crypto/ed25519keypair.h crypto/scrypt.h crypto/keywrap.h)
