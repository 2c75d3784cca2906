#include "answer.h"

namespace cv {

QString Answer::token() const
{
    switch (kind) {
    case Kind::Yes:
        return QStringLiteral("yes");
    case Kind::No:
        return QStringLiteral("no");
    case Kind::Scale:
        return QString::number(scaleValue);
    case Kind::Choice:
        return value;
    case Kind::Text:
    case Kind::NotApplicable:
        break;
    }
    return QString();
}

} // namespace cv
