# ui/session: the logged-in workstation session (site, catalog, keys, idle lock).
foreach(_cv_name loginerrortext workstationsession lockdialog keyunlockdialog sessionmenu)
  list(APPEND CALLVAULT_UI_SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_cv_name}.h
                                   ${CMAKE_CURRENT_LIST_DIR}/${_cv_name}.cpp)
endforeach()
