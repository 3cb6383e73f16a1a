#pragma once

#include <QtTest>

// QVERIFY2 evaluates its message even on success: only ask a Result or Status for its
// error when there is one.
#define VERIFY_OK(result) QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().message()))
