// The one source of the precompiled-header holder targets (cmake/PrecompiledHeaders.cmake):
// CMake builds a precompiled header only for a target that compiles something.
