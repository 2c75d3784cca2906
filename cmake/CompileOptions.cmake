# One interface target carries the project's warnings and sanitizer flags; every
# target of ours links it so the whole tree is built the same way.
add_library(callvault_compile_options INTERFACE)
target_compile_options(callvault_compile_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
target_compile_definitions(callvault_compile_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
  CALLVAULT_VERSION="${PROJECT_VERSION}")
if(CALLVAULT_WERROR)
  target_compile_options(callvault_compile_options INTERFACE -Werror)
endif()
if(CALLVAULT_SANITIZE)
  set(_cv_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(callvault_compile_options INTERFACE ${_cv_san})
  target_link_options(callvault_compile_options INTERFACE ${_cv_san})
endif()
