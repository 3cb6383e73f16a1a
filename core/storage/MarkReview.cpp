#include "storage/MarkReview.h"

#include "vision/RecognitionResult.h"

#include <cmath>

namespace rollcall {

namespace {

QString faceLabel(const ReviewFace &face, int index)
{
    // Stored in the audit log: stable, language-neutral.
    return QStringLiteral("photo %1 face %2 [%3,%4,%5,%6]")
        .arg(face.photo + 1)
        .arg(index + 1)
        .arg(qRound(face.box.x()))
        .arg(qRound(face.box.y()))
        .arg(qRound(face.box.width()))
        .arg(qRound(face.box.height()));
}

} // namespace

MarkReview::MarkReview(QObject *parent)
    : QObject(parent)
{ }

QList<RosterEntry> MarkReview::rosterOf(const QList<Student> &students)
{
    QList<RosterEntry> roster;
    for (const Student &s : students) {
        if (!s.active)
            continue;
        RosterEntry entry;
        entry.studentUuid = s.studentUuid;
        entry.studentId = s.studentId;
        entry.name = s.name;
        roster.append(entry);
    }
    return roster;
}

QList<ReviewFace> MarkReview::reviewFaces(const PhotoResult &result, int photo,
                                          const std::vector<StudentTemplate> &templates)
{
    QList<ReviewFace> faces;
    for (const RecognisedFace &face : result.faces) {
        ReviewFace f;
        f.photo = photo;
        const cv::Rect2f &b = face.detection.box;
        f.box = QRectF(b.x, b.y, b.width, b.height);
        f.tooSmall = face.detection.tooSmall;
        const FaceMatch &m = face.match;
        switch (m.band) {
        case MatchBand::Confident:
            f.band = ReviewFace::Band::Confident;
            break;
        case MatchBand::Uncertain:
            f.band = ReviewFace::Band::Uncertain;
            break;
        case MatchBand::Unknown:
            f.band = ReviewFace::Band::Unknown;
            break;
        }
        if (m.isMatch() && m.student >= 0 && size_t(m.student) < templates.size()) {
            f.autoStudentUuid = templates[size_t(m.student)].studentUuid;
            f.autoDistance = m.distance;
        } else {
            f.band = ReviewFace::Band::Unknown;
        }
        if (m.nearest >= 0 && size_t(m.nearest) < templates.size()) {
            f.nearestStudentUuid = templates[size_t(m.nearest)].studentUuid;
            f.nearestDistance = m.nearestDistance;
        }
        faces.append(f);
    }
    return faces;
}

void MarkReview::setRoster(const QList<RosterEntry> &roster)
{
    m_roster = roster;
    m_faces.clear();
    m_rowByKey.clear();
    for (int row = 0; row < m_roster.size(); ++row) {
        RosterEntry &entry = m_roster[row];
        entry.face = entry.autoFace = -1;
        entry.distance = std::numeric_limits<double>::quiet_NaN();
        entry.needsReview = false;
        m_rowByKey.insert(entry.studentUuid, row);
    }
    m_dirty = false;
    Q_EMIT reset();
    Q_EMIT summaryChanged();
}

const RosterEntry *MarkReview::student(const QString &studentUuid) const
{
    const int row = rowOf(studentUuid);
    return row < 0 ? nullptr : &m_roster.at(row);
}

void MarkReview::addFaces(const QList<ReviewFace> &faces)
{
    for (ReviewFace face : faces) {
        face.studentUuid.clear();
        face.notStudent = false;
        face.manual = false;
        const int index = m_faces.size();
        m_faces.append(face);
        const int row = rowOf(face.autoStudentUuid);
        if (row < 0 || face.band == ReviewFace::Band::Unknown)
            continue;
        RosterEntry &entry = m_roster[row];
        if (entry.face >= 0) {
            const ReviewFace &other = m_faces.at(entry.face);
            // A student appears once: the closer automatic match wins, a teacher's choice always wins.
            if (other.manual || !(face.autoDistance < other.autoDistance))
                continue;
            m_faces[entry.face].studentUuid.clear();
            Q_EMIT faceChanged(entry.face);
        }
        m_faces[index].studentUuid = face.autoStudentUuid;
        entry.face = entry.autoFace = index;
        entry.distance = face.autoDistance;
        entry.needsReview = face.band == ReviewFace::Band::Uncertain;
        if (entry.status == entry.autoStatus)
            entry.status = AttendanceStatus::Present;
        entry.autoStatus = AttendanceStatus::Present;
    }
    Q_EMIT reset();
    Q_EMIT summaryChanged();
}

void MarkReview::clearFaces()
{
    m_faces.clear();
    for (RosterEntry &entry : m_roster) {
        entry.face = entry.autoFace = -1;
        entry.status = entry.autoStatus = AttendanceStatus::Absent;
        entry.distance = std::numeric_limits<double>::quiet_NaN();
        entry.needsReview = false;
    }
    m_dirty = false;
    Q_EMIT reset();
    Q_EMIT summaryChanged();
}

void MarkReview::unassign(int face, bool notifyRow)
{
    ReviewFace &f = m_faces[face];
    const int row = rowOf(f.studentUuid);
    f.studentUuid.clear();
    f.manual = false;
    if (row >= 0) {
        RosterEntry &entry = m_roster[row];
        entry.face = -1;
        entry.needsReview = false;
        entry.distance = std::numeric_limits<double>::quiet_NaN();
        if (entry.status == AttendanceStatus::Present)
            entry.status = AttendanceStatus::Absent;
        if (notifyRow)
            Q_EMIT rowChanged(row);
    }
    Q_EMIT faceChanged(face);
}

void MarkReview::touch()
{
    m_dirty = true;
    Q_EMIT summaryChanged();
}

bool MarkReview::assignFace(int face, const QString &studentUuid)
{
    if (face < 0 || face >= m_faces.size())
        return false;
    const int row = rowOf(studentUuid);
    if (row < 0)
        return false;
    ReviewFace &f = m_faces[face];
    if (f.studentUuid == studentUuid) {
        if (f.manual)
            return false;
        // Choosing the same student again confirms the match.
        return confirm(row);
    }
    if (f.assigned())
        unassign(face, true);
    RosterEntry &entry = m_roster[row];
    if (entry.face >= 0)
        unassign(entry.face, false);
    ReviewFace &target = m_faces[face];
    target.studentUuid = studentUuid;
    target.notStudent = false;
    target.manual = true;
    entry.face = face;
    entry.needsReview = false;
    if (target.autoStudentUuid == studentUuid)
        entry.distance = target.autoDistance;
    else if (target.nearestStudentUuid == studentUuid)
        entry.distance = target.nearestDistance;
    else
        entry.distance = std::numeric_limits<double>::quiet_NaN();
    if (entry.status == AttendanceStatus::Absent)
        entry.status = AttendanceStatus::Present;
    Q_EMIT faceChanged(face);
    Q_EMIT rowChanged(row);
    touch();
    return true;
}

bool MarkReview::markNotStudent(int face)
{
    if (face < 0 || face >= m_faces.size() || m_faces.at(face).notStudent)
        return false;
    if (m_faces.at(face).assigned())
        unassign(face, true);
    m_faces[face].notStudent = true;
    m_faces[face].manual = true;
    Q_EMIT faceChanged(face);
    touch();
    return true;
}

bool MarkReview::clearFace(int face)
{
    if (face < 0 || face >= m_faces.size())
        return false;
    const ReviewFace &f = m_faces.at(face);
    if (!f.assigned() && !f.notStudent)
        return false;
    if (f.assigned())
        unassign(face, true);
    m_faces[face].notStudent = false;
    m_faces[face].manual = false;
    Q_EMIT faceChanged(face);
    touch();
    return true;
}

bool MarkReview::setStatus(int row, AttendanceStatus status)
{
    if (row < 0 || row >= m_roster.size() || m_roster.at(row).status == status)
        return false;
    // An absent student cannot be one of the faces: release the face.
    if (status == AttendanceStatus::Absent && m_roster.at(row).face >= 0)
        unassign(m_roster.at(row).face, false);
    RosterEntry &entry = m_roster[row];
    entry.status = status;
    entry.needsReview = entry.needsReview && entry.face >= 0;
    Q_EMIT rowChanged(row);
    touch();
    return true;
}

bool MarkReview::cycleStatus(int row)
{
    if (row < 0 || row >= m_roster.size())
        return false;
    static const QList<AttendanceStatus> order
        = { AttendanceStatus::Present, AttendanceStatus::Absent, AttendanceStatus::Late, AttendanceStatus::Excused };
    const int next = (order.indexOf(m_roster.at(row).status) + 1) % order.size();
    return setStatus(row, order.at(next));
}

bool MarkReview::confirm(int row)
{
    if (row < 0 || row >= m_roster.size())
        return false;
    RosterEntry &entry = m_roster[row];
    if (!entry.needsReview || entry.face < 0)
        return false;
    entry.needsReview = false;
    m_faces[entry.face].manual = true;
    Q_EMIT faceChanged(entry.face);
    Q_EMIT rowChanged(row);
    touch();
    return true;
}

int MarkReview::confirmAll()
{
    int n = 0;
    for (int row = 0; row < m_roster.size(); ++row)
        n += confirm(row) ? 1 : 0;
    return n;
}

AttendanceStatus MarkReview::recordedStatus(int row) const
{
    const RosterEntry &entry = m_roster.at(row);
    if (entry.needsReview && entry.face >= 0 && entry.status == AttendanceStatus::Present)
        return AttendanceStatus::Review;
    return entry.status;
}

QList<AttendanceRecord> MarkReview::records(const QHash<int, int> &photoIndex) const
{
    QList<AttendanceRecord> out;
    for (int row = 0; row < m_roster.size(); ++row) {
        const RosterEntry &entry = m_roster.at(row);
        AttendanceRecord record;
        record.studentUuid = entry.studentUuid;
        record.studentId = entry.studentId;
        record.studentName = entry.name;
        record.status = recordedStatus(row);
        record.source = isManual(row) ? MarkSource::Manual : MarkSource::Automatic;
        if (!std::isnan(entry.distance))
            record.distance = std::round(entry.distance * 1e4) / 1e4;
        if (entry.face >= 0) {
            const ReviewFace &face = m_faces.at(entry.face);
            record.photoIndex = photoIndex.isEmpty() ? face.photo : photoIndex.value(face.photo, -1);
            record.faceBox = face.box.toAlignedRect();
        }
        out.append(record);
    }
    return out;
}

int MarkReview::countWithStatus(AttendanceStatus status) const
{
    int n = 0;
    for (const RosterEntry &entry : m_roster)
        n += entry.status == status ? 1 : 0;
    return n;
}

int MarkReview::needsReviewCount() const
{
    int n = 0;
    for (const RosterEntry &entry : m_roster)
        n += entry.needsReview ? 1 : 0;
    return n;
}

int MarkReview::unknownFaceCount() const
{
    int n = 0;
    for (const ReviewFace &face : m_faces)
        n += (!face.assigned() && !face.notStudent && !face.tooSmall) ? 1 : 0;
    return n;
}

bool MarkReview::isManual(int row) const
{
    const RosterEntry &entry = m_roster.at(row);
    if (entry.status != entry.autoStatus || entry.face != entry.autoFace)
        return true;
    return entry.face >= 0 && m_faces.at(entry.face).manual;
}

QList<MarkReview::Change> MarkReview::changes() const
{
    QList<Change> out;
    for (int row = 0; row < m_roster.size(); ++row) {
        const RosterEntry &entry = m_roster.at(row);
        if (entry.status != entry.autoStatus)
            out.append({ entry.studentUuid, QStringLiteral("status"), attendanceStatusName(entry.autoStatus),
                         attendanceStatusName(entry.status) });
        if (entry.face != entry.autoFace) {
            const QString before
                = entry.autoFace < 0 ? QString() : faceLabel(m_faces.at(entry.autoFace), entry.autoFace);
            const QString after = entry.face < 0 ? QString() : faceLabel(m_faces.at(entry.face), entry.face);
            out.append({ entry.studentUuid, QStringLiteral("face"), before, after });
        } else if (entry.face >= 0 && m_faces.at(entry.face).manual
                   && m_faces.at(entry.face).band == ReviewFace::Band::Uncertain) {
            out.append({ entry.studentUuid, QStringLiteral("match"), QStringLiteral("uncertain"),
                         QStringLiteral("confirmed") });
        }
    }
    return out;
}

} // namespace rollcall
