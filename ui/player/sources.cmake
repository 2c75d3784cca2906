# ui/player: the workstation's player (issue 5, part 3) over core/playback's engine.
list(APPEND CALLVAULT_UI_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/waveformview.h ${CMAKE_CURRENT_LIST_DIR}/waveformview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/playerpanel.h ${CMAKE_CURRENT_LIST_DIR}/playerpanel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/playerhost.h ${CMAKE_CURRENT_LIST_DIR}/playerhost.cpp)
