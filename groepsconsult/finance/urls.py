from django.urls import path

from groepsconsult.finance import views, views_funding

app_name = "finance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("budget/", views.budget_list, name="budget-list"),
    path("budget/new/", views.budget_line_create, name="budget-line-create"),
    path("budget/<uuid:public_id>/", views.budget_line_edit, name="budget-line-edit"),
    path("assumptions/", views.assumption_list, name="assumption-list"),
    path("assumptions/defaults/", views.assumptions_seed, name="assumptions-seed"),
    path("assumptions/<uuid:public_id>/", views.assumption_edit, name="assumption-edit"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/new/", views.agreement_create, name="agreement-create"),
    path("agreements/<uuid:public_id>/", views.agreement_edit, name="agreement-edit"),
    # Funding (views_funding.py)
    path("grants/", views_funding.grant_list, name="grant-list"),
    path("grants/new/", views_funding.grant_create, name="grant-create"),
    path("grants/<uuid:public_id>/", views_funding.grant_edit, name="grant-edit"),
    path("funds/", views_funding.fund_route_list, name="fund-route-list"),
    path("funds/new/", views_funding.fund_route_create, name="fund-route-create"),
    path("funds/known/", views_funding.fund_routes_seed, name="fund-routes-seed"),
    path("funds/<uuid:public_id>/", views_funding.fund_route_edit, name="fund-route-edit"),
    path("sustainability/", views_funding.sustainability_list, name="sustainability-list"),
    path(
        "sustainability/new/",
        views_funding.sustainability_item_create,
        name="sustainability-item-create",
    ),
    path("sustainability/defaults/", views_funding.sustainability_seed, name="sustainability-seed"),
    path(
        "sustainability/<uuid:public_id>/",
        views_funding.sustainability_item_edit,
        name="sustainability-item-edit",
    ),
    path("contacts/", views_funding.partner_contact_list, name="partner-contact-list"),
    path("contacts/new/", views_funding.partner_contact_create, name="partner-contact-create"),
    path(
        "contacts/<uuid:public_id>/",
        views_funding.partner_contact_edit,
        name="partner-contact-edit",
    ),
    path("consultations/", views.consultation_cost_list, name="consultation-cost-list"),
    path(
        "consultations/<uuid:public_id>/",
        views.consultation_cost_detail,
        name="consultation-cost-detail",
    ),
    path(
        "consultations/<uuid:public_id>/costs/new/", views.cost_line_create, name="cost-line-create"
    ),
    path(
        "consultations/<uuid:public_id>/preparation/",
        views.session_preparation_edit,
        name="session-preparation-edit",
    ),
    path("costs/<uuid:public_id>/", views.cost_line_edit, name="cost-line-edit"),
]
