// Interface texts in English and Korean. Scenario texts carry their own {en, ko}.
window.I18N = {
  en: {
    "language": "Language", "logout": "Log out", "login.title": "Log in", "login.username": "Username",
    "login.password": "Password", "login.submit": "Log in", "login.failed": "Wrong username or password",
    "exercises": "Exercises", "clock.time": "Scenario time", "clock.move": "Move", "clock.running": "running",
    "clock.paused": "paused", "clock.notStarted": "not started", "clock.ended": "ended",
    "control.title": "Control", "control.startExercise": "Start exercise", "control.startClock": "Start clock",
    "control.pauseClock": "Pause clock", "control.speed": "Speed", "control.setSpeed": "Set speed",
    "control.jump": "Jump to move", "control.jumpButton": "Jump", "control.msel": "MSEL",
    "msel.move": "Move", "msel.release": "Release", "msel.trigger": "Trigger", "msel.marking": "Marking",
    "msel.status": "Status", "msel.release.button": "Release", "msel.released": "released", "msel.pending": "pending",
    "feed.title": "Feed", "feed.empty": "No injects yet.", "feed.ack": "Acknowledge", "feed.acked": "Acknowledged by",
    "map.title": "Space picture", "map.windows": "Overflight windows (next 24 h)",
    "questions.title": "Assessment questions", "questions.submit": "Submit answer", "questions.confidence": "Confidence",
    "questions.reveal": "Reveal", "questions.round": "Open next round", "questions.revealed": "Revealed answers",
    "questions.divergence": "Divergence", "questions.blind": "Answers stay blind until control reveals them.",
    "questions.yours": "Your answer", "confidence.LOW": "low", "confidence.MODERATE": "moderate", "confidence.HIGH": "high",
    "observer.title": "Observations", "observer.objective": "Objective", "observer.rating": "Rating (1-5)",
    "observer.text": "Observation", "observer.record": "Record", "done": "Done.", "live.lost": "Live updates interrupted; reconnecting…"
  },
  ko: {
    "language": "언어", "logout": "로그아웃", "login.title": "로그인", "login.username": "사용자 이름",
    "login.password": "비밀번호", "login.submit": "로그인", "login.failed": "사용자 이름 또는 비밀번호가 틀렸습니다",
    "exercises": "연습 목록", "clock.time": "시나리오 시각", "clock.move": "단계", "clock.running": "진행 중",
    "clock.paused": "일시 정지", "clock.notStarted": "시작 전", "clock.ended": "종료",
    "control.title": "통제", "control.startExercise": "연습 시작", "control.startClock": "시계 시작",
    "control.pauseClock": "시계 정지", "control.speed": "배속", "control.setSpeed": "배속 설정",
    "control.jump": "단계 이동", "control.jumpButton": "이동", "control.msel": "주요 상황 목록(MSEL)",
    "msel.move": "단계", "msel.release": "배포 시각", "msel.trigger": "조건", "msel.marking": "배포 제한",
    "msel.status": "상태", "msel.release.button": "배포", "msel.released": "배포됨", "msel.pending": "대기",
    "feed.title": "상황 전파", "feed.empty": "아직 전파된 상황이 없습니다.", "feed.ack": "수신 확인", "feed.acked": "수신 확인",
    "map.title": "우주 상황도", "map.windows": "상공 통과 시간대 (향후 24시간)",
    "questions.title": "평가 질문", "questions.submit": "답변 제출", "questions.confidence": "확신도",
    "questions.reveal": "공개", "questions.round": "다음 차수 시작", "questions.revealed": "공개된 답변",
    "questions.divergence": "견해차", "questions.blind": "통제반이 공개하기 전까지 답변은 비공개입니다.",
    "questions.yours": "우리 답변", "confidence.LOW": "낮음", "confidence.MODERATE": "보통", "confidence.HIGH": "높음",
    "observer.title": "관찰 기록", "observer.objective": "목표", "observer.rating": "평가 (1-5)",
    "observer.text": "관찰 내용", "observer.record": "기록", "done": "완료.", "live.lost": "실시간 연결이 끊겼습니다. 다시 연결 중…"
  }
};
