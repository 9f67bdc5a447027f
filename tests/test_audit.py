

def test_events_name_their_actor_as_staff_read_it_and_keep_the_recorded_name(session, world):
    from zhenxing import audit

    audit.record(session, actor=world.transport_user, action="update", entity="project", entity_id=1, summary="改")
    audit.record(session, actor=None, action="update", entity="project", entity_id=1, summary="系统改")
    labels = {e.summary: (e.actor_label, e.actor_name) for e in audit.list_events(session, entity="project")}
    assert labels == {"改": ("市交通运输局（jiaotong）", "jiaotong"), "系统改": ("系统", "系统")}
