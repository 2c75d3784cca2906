// test_control_api: the recorder's HTTPS control API and /metrics (core/control).
// Two Qt Test objects in one executable (each executable links the static core). Test
// function names on the command line go to the object that has them; options go to both.

#include "controlservertests.h"
#include "controlunittests.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QTest>

namespace {

bool hasSlot(const QObject &object, const QByteArray &name)
{
    const QMetaObject *meta = object.metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        if (meta->method(i).name() == name)
            return true;
    }
    return false;
}

int runTests(QObject &object, int argc, char **argv)
{
    std::vector<char *> args = {argv[0]};
    bool named = false;
    bool mine = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith('-')) {
            args.push_back(argv[i]);
            // Options with a value (-o file, -maxwarnings n, ...) keep it.
            if ((arg == "-o" || arg == "-maxwarnings" || arg == "-eventdelay" ||
                 arg == "-keydelay" || arg == "-mousedelay" || arg == "-seed") &&
                i + 1 < argc)
                args.push_back(argv[++i]);
            continue;
        }
        named = true;
        if (hasSlot(object, arg.split(':').first())) {
            args.push_back(argv[i]);
            mine = true;
        }
    }
    if (named && !mine)
        return 0;
    return QTest::qExec(&object, int(args.size()), args.data());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestControlUnits units;
        status |= runTests(units, argc, argv);
    }
    {
        TestControlServer server;
        status |= runTests(server, argc, argv);
    }
    return status;
}
