#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace rollcall {

// Lets a second RollCall started on the same data folder bring the first one to the front:
// the running GUI listens on a local socket named after its folder (and the user, so two
// accounts never talk to each other); the second one connects and asks it to show itself.
class InstanceBeacon : public QObject
{
    Q_OBJECT

public:
    explicit InstanceBeacon(const QString &dataDir, QObject *parent = nullptr);
    ~InstanceBeacon() override;

    bool listen();
    // Asks the RollCall that owns dataDir to come to the front; true when it answered.
    static bool requestRaise(const QString &dataDir, int timeoutMs = 2000);
    // Whether a RollCall GUI is listening for dataDir (the holder of its lock may be a CLI).
    static bool isListening(const QString &dataDir, int timeoutMs = 300);
    static QString serverName(const QString &dataDir);

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace rollcall
