#pragma once

#include "catalog/capturedcallrepository.h"

#include <QCoreApplication>
#include <QString>

namespace cv {

// How the details pane says what the network recorder saw of a call (its captured_calls
// row): the completeness in words, the recorder, each leg's packets, losses and jitter, and
// how many spans were masked and why (never what).
class CaptureText final
{
    Q_DECLARE_TR_FUNCTIONS(cv::CaptureText)

public:
    static QString completeness(Completeness completeness);
    static QString summary(const CapturedCallRow &row);
};

} // namespace cv
