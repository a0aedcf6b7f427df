from digest.memo import memoised


def test_an_answer_is_worked_out_once_and_the_table_stays_bounded():
    calls = []

    @memoised(3)
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    assert [double(n) for n in (1, 2, 1, 3, 2)] == [2, 4, 2, 6, 4]
    assert calls == [1, 2, 3]
    assert double(4) == 8 and double(1) == 2  # (full at 3: started afresh, so 1 is worked out again)
    assert calls == [1, 2, 3, 4, 1]
    assert len(double.__self__) <= 3
