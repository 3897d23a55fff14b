import Foundation
import Store

/// Runs a `CaseImportPass` on two threads: a converter thread reads, checks and
/// pseudonymises rows into batches of insert parameters (`BulkRows`), while the
/// import's own thread — the only one that touches the database — inserts the batch
/// before. On two cores this roughly halves the wall time of a large import.
///
/// What stays as it was on one thread:
/// - **Order.** Batches are inserted in file order, and a converter error is delivered
///   only after every batch converted before it has been inserted, so the first bad row
///   in the file is the one reported, whether a bad value (converter) or a duplicate
///   case id (the table's primary key, found while inserting).
/// - **All or nothing.** Everything runs inside the import's transaction; any error
///   stops the converter, waits for it to end, and the transaction rolls back.
/// - **Bounded memory.** Three batches circulate (one being filled, one being inserted,
///   one spare), each capped by rows and by text bytes.
/// - **Progress** is reported from the import's thread as batches are stored.
///
/// Threads and sharing: the pass moves to the converter thread inside `ConverterJob`
/// and is read back only after the converter has signalled its end; batches move
/// through `BatchHandOff`, whose state is guarded by one lock. Nothing else is shared.
enum CaseImportPipeline {
    static let rowsPerBatch = 2_048
    static let bytesPerBatch = 1 << 20
    static let batches = 3

    static func run(_ pass: inout CaseImportPass, importID: Int, database: Database,
                    progress: ((Int, Int) -> Void)?) throws {
        let insert = try BulkInsert(database: database, table: "cases", columns: CaseImportPass.insertColumns)
        let width = insert.width
        let handOff = BatchHandOff((0..<batches).map { _ in
            CaseRowBatch(rows: BulkRows(width: width, reservingRows: rowsPerBatch, bytes: bytesPerBatch + (64 << 10)))
        })
        let job = ConverterJob(pass: pass, importID: importID, handOff: handOff)
        let thread = Thread { job.convert() }
        thread.start()
        // On every way out: stop the converter and wait for it, so no thread outlives
        // the import (or its transaction).
        defer {
            handOff.cancel()
            handOff.waitForConverter()
        }
        let total = pass.reader.byteCount
        while var batch = handOff.next() {
            do {
                try insert.insert(batch.rows)
            } catch let failure as BulkInsertFailure {
                if failure.error.code == 19 /* SQLITE_CONSTRAINT: the (import_id, case_id) key */ {
                    throw pass.duplicateCaseID(line: batch.lines[failure.row],
                                               caseID: batch.rows.text(row: failure.row, column: 1))
                }
                throw failure.error
            }
            if let progress, let position = batch.position { progress(position, total) }
            batch.clear()   // here, where this is the only reference: no copy
            handOff.recycle(batch)
        }
        handOff.waitForConverter()
        if let error = handOff.converterError { throw error }
        pass = job.pass
    }
}

/// A batch of converted rows and the file lines they came from.
struct CaseRowBatch: Sendable {
    let rows: BulkRows
    var lines: [Int] = []
    /// Bytes of the file read when the batch was handed over, for progress.
    var position: Int?

    init(rows: BulkRows) {
        self.rows = rows
        lines.reserveCapacity(CaseImportPipeline.rowsPerBatch)
    }

    mutating func clear() {
        rows.removeAll()
        lines.removeAll(keepingCapacity: true)
        position = nil
    }

    var isFull: Bool {
        rows.count >= CaseImportPipeline.rowsPerBatch || rows.byteCount >= CaseImportPipeline.bytesPerBatch
    }
}

/// The converter thread's work. `@unchecked Sendable` because the pass is handed over,
/// not shared: the import's thread creates the job, then reads `pass` only after
/// `BatchHandOff.waitForConverter()` has returned, which happens after the converter's
/// last write (the hand-off's lock orders the two).
final class ConverterJob: @unchecked Sendable {
    var pass: CaseImportPass
    let importID: Int
    let handOff: BatchHandOff

    init(pass: CaseImportPass, importID: Int, handOff: BatchHandOff) {
        self.pass = pass
        self.importID = importID
        self.handOff = handOff
    }

    func convert() {
        // A local copy while converting: `pass` is a class property, and mutating it
        // row by row would go through the runtime's dynamic exclusivity checks. It is
        // written back before the hand-off hears of the end, so the import's thread
        // (which waits for that) reads the final state.
        var pass = self.pass
        var failure: (any Error)?
        var last: CaseRowBatch?
        do {
            if var batch = handOff.takeEmpty() {
                var position = 0
                try pass.reader.forEachRecord(progress: { done, _ in position = done }) { row in
                    try pass.store(row, importID: importID, into: batch.rows)
                    batch.lines.append(row.line)
                    if batch.isFull {
                        batch.position = position
                        guard let next = handOff.exchange(batch) else { throw ConverterStopped() }
                        batch = next
                    }
                }
                batch.position = position
                last = batch
            }
        } catch is ConverterStopped {
        } catch {
            // Batches handed over before the error are still inserted first, so a
            // duplicate case id earlier in the file is reported before this error.
            failure = error
        }
        self.pass = pass
        handOff.converterEnded(last: last, error: failure)
    }
}

private struct ConverterStopped: Error {}

/// A bounded queue of batches between the converter thread (producer) and the import's
/// thread (consumer): filled batches in file order one way, emptied ones back the
/// other. `@unchecked Sendable`: every stored property is read and written only while
/// holding `condition`'s lock.
final class BatchHandOff: @unchecked Sendable {
    private let condition = NSCondition()
    private var empty: [CaseRowBatch]
    private var filled: [CaseRowBatch] = []   // oldest first
    private var converterDone = false
    private var stopped = false
    private var error: (any Error)?

    init(_ batches: [CaseRowBatch]) {
        empty = batches
    }

    // MARK: Converter side

    /// The first empty batch; nil when the consumer has stopped.
    func takeEmpty() -> CaseRowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while empty.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : empty.removeLast()
    }

    /// Hands over a filled batch and returns an empty one, waiting while the consumer is
    /// behind; nil when the consumer has stopped.
    func exchange(_ batch: CaseRowBatch) -> CaseRowBatch? {
        condition.lock()
        defer { condition.unlock() }
        filled.append(batch)
        condition.broadcast()
        while empty.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : empty.removeLast()
    }

    /// The converter's last word: a final (possibly partly filled) batch, or the error
    /// that stopped it. Called exactly once.
    func converterEnded(last: CaseRowBatch?, error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        if let last, !last.rows.isEmpty, !stopped { filled.append(last) }
        self.error = error
        converterDone = true
        condition.broadcast()
    }

    // MARK: Consumer side

    /// The next filled batch in file order; nil once the converter has ended and every
    /// batch has been taken (then `converterError` says whether it ended by an error).
    func next() -> CaseRowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !converterDone { condition.wait() }
        return filled.isEmpty ? nil : filled.removeFirst()
    }

    /// Takes back an emptied batch for the converter to fill again.
    func recycle(_ batch: CaseRowBatch) {
        condition.lock()
        defer { condition.unlock() }
        empty.append(batch)
        condition.broadcast()
    }

    /// Tells the converter to stop at its next hand-over (harmless once it has ended).
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        filled.removeAll()
        condition.broadcast()
    }

    func waitForConverter() {
        condition.lock()
        defer { condition.unlock() }
        while !converterDone { condition.wait() }
    }

    var converterError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return error
    }
}
