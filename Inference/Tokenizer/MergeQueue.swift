// Binary min-heap of candidate merges for BPE and SentencePiece, ordered by (key, left position)
// like llama.cpp's priority queues. Stale entries are skipped when popped (lazy deletion), so a
// word of n symbols merges in O(n log n) even for adversarially long words.

struct MergeCandidate {
    /// Lower merges first: the BPE rank, or the negated SentencePiece score.
    var key: Float
    /// Symbol indices of the pair (left < right in text order).
    var left: Int32
    var right: Int32
    /// Byte lengths of both symbols when the candidate was made; a change means it is stale.
    var leftLength: Int32
    var rightLength: Int32

    /// Strict order: key, then the leftmost pair.
    func precedes(_ other: MergeCandidate) -> Bool {
        key < other.key || (key == other.key && left < other.left)
    }
}

struct MergeQueue {
    private var heap: [MergeCandidate] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    mutating func push(_ c: MergeCandidate) {
        heap.append(c)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].precedes(heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> MergeCandidate? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].precedes(heap[m]) { m = l }
                if r < heap.count && heap[r].precedes(heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
