#pragma once

#include <QString>
#include <QWidget>

// The GUI tests' lookup of a child widget by object name: a missing widget ends the test at
// once with its name (a null pointer would crash it later, far from the cause).
namespace widgettest {

template <typename T>
T *child(const QWidget &parent, const QString &objectName)
{
    auto *found = parent.findChild<T *>(objectName);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(objectName));
    return found;
}

} // namespace widgettest
