package extract

// Unswept returns a copy of d whose scans search its text instead of
// reading the hits of the document's one pass over it.
func Unswept(d *Doc) *Doc {
	u := *d
	u.pairHits, u.charHits, u.startHits = nil, nil, nil
	return &u
}

// TargetsCue reports a targets cue in d.Text from offset from on, as the
// parts read it.
func TargetsCue(d *Doc, from int) bool {
	return hasTargetsCue(d.Text, from, d.word(targetPairsHits, "目标"))
}
