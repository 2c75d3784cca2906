// test_control_api: the recorder's HTTPS control API and /metrics (core/control).
// Two Qt Test objects in one executable (each executable links the static core).

#include "controlservertests.h"
#include "controlunittests.h"

#include <QCoreApplication>
#include <QTest>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestControlUnits units;
        status |= QTest::qExec(&units, argc, argv);
    }
    {
        TestControlServer server;
        status |= QTest::qExec(&server, argc, argv);
    }
    return status;
}
