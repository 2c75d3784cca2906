# Precompiled headers. Most of the build's time went into parsing the same Qt headers for
# every small source file (2 builds x ~180 files in the test suite); one precompiled header
# per kind of target parses them once.
#
# The lists are the headers most of core includes; a header listed here is visible to every
# file of the target, so code must still include what it uses (the release build of the
# workstation compiles with the same lists, so a missing include is not hidden there either).
set(CALLVAULT_PCH_CORE_HEADERS
  <QByteArray> <QDateTime> <QDir> <QFile> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject>
  <QSet> <QSqlDatabase> <QSqlError> <QSqlQuery> <QString> <QStringList> <QUuid> <QVariant>
  <QVector> <algorithm> <functional> <memory> <optional> <vector>)

# Tests: one precompiled header shared by every test executable (REUSE_FROM needs the same
# compile flags, which callvault_add_test gives them). QtTest stays out of it: Qt6::Test
# defines QT_TESTCASE_BUILDDIR/SOURCEDIR per test directory, and GCC refuses a precompiled
# header made with other values of a macro; macros it never saw (not linking Qt6::Test here,
# a test's own definitions) are fine as long as its headers do not use them. What QtTest
# pulls in (QtCore, QtGui) is in it. Tests linking Qt Widgets get their own, with QtWidgets.
function(callvault_add_test_pch target)
  cmake_parse_arguments(ARG "" "" "LIBS;HEADERS" ${ARGN})
  add_library(${target} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch-anchor.cpp)
  target_link_libraries(${target} PRIVATE callvault_core ${ARG_LIBS})
  target_precompile_headers(${target} PRIVATE ${CALLVAULT_PCH_CORE_HEADERS}
    <QtCore> <QtGui> <QtSql> ${ARG_HEADERS})
endfunction()
