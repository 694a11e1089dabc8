#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The stat data git keeps per index entry (all fields as stored: 32 bits, big-endian on disk).
package struct IndexStat: Equatable {
    package var ctimeSeconds: UInt32, ctimeNanoseconds: UInt32
    package var mtimeSeconds: UInt32, mtimeNanoseconds: UInt32
    package var device: UInt32, inode: UInt32, mode: UInt32, uid: UInt32, gid: UInt32, size: UInt32

    /// The fields git would record for a file with this `stat`, with `mode` as the index mode.
    package init(_ st: stat, mode: UInt32) {
        ctimeSeconds = UInt32(truncatingIfNeeded: st.st_ctim.tv_sec)
        ctimeNanoseconds = UInt32(truncatingIfNeeded: st.st_ctim.tv_nsec)
        mtimeSeconds = UInt32(truncatingIfNeeded: st.st_mtim.tv_sec)
        mtimeNanoseconds = UInt32(truncatingIfNeeded: st.st_mtim.tv_nsec)
        device = UInt32(truncatingIfNeeded: st.st_dev)
        inode = UInt32(truncatingIfNeeded: st.st_ino)
        self.mode = mode
        uid = st.st_uid
        gid = st.st_gid
        size = UInt32(truncatingIfNeeded: st.st_size)
    }

    package init(
        ctimeSeconds: UInt32, ctimeNanoseconds: UInt32, mtimeSeconds: UInt32, mtimeNanoseconds: UInt32,
        device: UInt32, inode: UInt32, mode: UInt32, uid: UInt32, gid: UInt32, size: UInt32
    ) {
        (self.ctimeSeconds, self.ctimeNanoseconds, self.mtimeSeconds, self.mtimeNanoseconds) =
            (ctimeSeconds, ctimeNanoseconds, mtimeSeconds, mtimeNanoseconds)
        (self.device, self.inode, self.mode, self.uid, self.gid, self.size) = (device, inode, mode, uid, gid, size)
    }

    /// The ten fields in the order an index entry stores them.
    package var fieldsInEntryOrder: [UInt32] {
        [ctimeSeconds, ctimeNanoseconds, mtimeSeconds, mtimeNanoseconds, device, inode, mode, uid, gid, size]
    }

    /// True when a file with `st` looks unchanged since this entry was recorded, comparing what git
    /// compares. Nanoseconds and the device are compared only when the entry recorded them (git built
    /// without USE_NSEC/USE_STDEV writes zeros there).
    package func matches(_ st: stat) -> Bool {
        let now = IndexStat(st, mode: mode)
        if mtimeSeconds != now.mtimeSeconds || ctimeSeconds != now.ctimeSeconds { return false }
        if mtimeNanoseconds != 0 && mtimeNanoseconds != now.mtimeNanoseconds { return false }
        if ctimeNanoseconds != 0 && ctimeNanoseconds != now.ctimeNanoseconds { return false }
        if device != 0 && device != now.device { return false }
        return inode == now.inode && uid == now.uid && gid == now.gid && size == now.size
    }
}
