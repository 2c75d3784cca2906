# core/playback: the player's engine. Permission check and audit before any audio, streaming
# decode from the decrypted container (plaintext in memory only), per-speaker gain, tempo
# with pitch kept (libsoundtouch), skip silences, A-B loop, and the QAudioSink driver.
list(APPEND CALLVAULT_CORE_SOURCES
  playback/speaker.h
  playback/playbackauthorizer.h playback/playbackauthorizer.cpp
  playback/decodedaudiosource.h playback/decodedaudiosource.cpp
  playback/peakscanner.h playback/peakscanner.cpp
  playback/silencemap.h playback/silencemap.cpp
  playback/speakergain.h playback/speakergain.cpp
  playback/tempostretcher.h playback/tempostretcher.cpp
  playback/playbackstream.h playback/playbackstream.cpp
  playback/pcmpulldevice.h playback/pcmpulldevice.cpp
  playback/playbackengine.h playback/playbackengine.cpp)
