#pragma once

#include "cli/CliCommand.h"

namespace rollcall {

// rollcall-cli student import --class CODE FILE [--skip-bad] [--dry-run] [--photos DIR] [--json]
// Reads a CSV or XLSX roster (RosterImporter), prints what would be added, updated and
// rejected (with the reason per row), and imports in one transaction: only when no
// row is rejected, or with --skip-bad. Exit 3 when rows are rejected without it.
// With --photos, the imported students are then enrolled from the photos in DIR named
// by student ID (RosterEnrolmentJob), each on their own: refused photos are listed and
// the roster stays imported. Only students with consent (the roster's consent column,
// or consent already recorded) get photos; the others are reported as no_consent. Exit 3 when no student could be enrolled from DIR, 4 (and
// nothing imported) when the models are missing.
class StudentImportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("student import"); }
    QString summary() const override { return QStringLiteral("Import a class roster from CSV or XLSX."); }
    int run(CliContext &context, const QStringList &args) override;
};

} // namespace rollcall
